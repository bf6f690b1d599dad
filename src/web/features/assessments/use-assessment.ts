import { useQuery } from '@tanstack/react-query';
import type { Assessment } from '../../../contracts/assessments.ts';
import { ApiError, get } from '../../api/client.ts';
import { useReplacingWrite } from '../../api/use-replacing-write.ts';

/** The situation's MAMAC assessment as the caller may see it; null when it has none (404). */
export const useAssessment = (situationId: string, enabled = true) =>
  useQuery({
    queryKey: ['assessment', situationId],
    queryFn: async () => {
      try {
        return await get<Assessment>(`/api/situations/${situationId}/assessment`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled,
    retry: false,
  });

/** A write answering with the whole assessment; the situation (status, timeline, attachments) is refetched too. */
export const useAssessmentAction = (situationId: string) =>
  useReplacingWrite<Assessment>(['assessment', situationId], [['situation', situationId]]);

export const assessmentPath = (situationId: string, rest = '') => `/api/situations/${situationId}/assessment${rest}`;
