import { List, Table, Text } from '@mantine/core';

/**
 * What a file upload's check refused (the caseload and the history import): the problems of the file as a whole,
 * then each refused line with its key and reasons, in a table that scrolls inside its own box on a phone.
 */
export function RejectedRows(props: {
  fileProblems: readonly string[];
  rejected: readonly { line: number; key: string; reasons: readonly string[] }[];
  labels: { caption: string; line: string; key: string; reasons: string };
  testIds: { fileProblems?: string; rejected: string };
}) {
  const { labels } = props;
  return (
    <>
      {props.fileProblems.length > 0 && (
        <List c="red.9" data-testid={props.testIds.fileProblems}>
          {props.fileProblems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      )}
      {props.rejected.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table striped withTableBorder data-testid={props.testIds.rejected}>
            <Table.Caption>{labels.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{labels.line}</Table.Th>
                <Table.Th>{labels.key}</Table.Th>
                <Table.Th>{labels.reasons}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.rejected.map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>{r.key || '—'}</Table.Td>
                  <Table.Td>
                    {r.reasons.map((reason) => (
                      <Text key={reason} size="sm">
                        {reason}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
