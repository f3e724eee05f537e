import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from './auth.js';
import { V1_SECURITY, type V1RouteOptions } from './deps.js';
import { AssessmentBody, AssessmentView, ERRORS, SubmitResponse, UuidParams } from './schemas.js';

/** The migration authority's two calls: submit a request, read its outcome. */
export const assessmentRoutes: FastifyPluginAsyncTypebox<V1RouteOptions> = async (app, options) => {
  app.post(
    '/assessments',
    {
      config: { scopes: 'public', access: 'assessment.submit' },
      schema: {
        summary: 'Submit an assessment request',
        description:
          'Queues the applicant for screening and review. Submitting an `external_id` the agency has already used returns the existing assessment (200) and creates nothing.',
        tags: ['Assessments'],
        security: V1_SECURITY,
        body: AssessmentBody,
        response: { 200: SubmitResponse, 201: SubmitResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const result = await options.vetting.submitAssessment(actorOf(request), request.body);
      if (result.created) options.onAssessmentSubmitted?.(result);
      // The id only: neither the external id nor the applicant's name is logged.
      request.log.info({ assessment: result.assessment.id, created: result.created }, 'submitted');
      return reply
        .status(result.created ? 201 : 200)
        .send({ id: result.assessment.id, status: result.assessment.status });
    },
  );

  app.get(
    '/assessments/:id',
    {
      config: { scopes: 'public', access: 'assessment.read' },
      schema: {
        summary: 'Read the outcome of an assessment',
        description:
          "Exactly `id`, `external_id`, `status` (`received`, `in_progress`, `concluded`), `conclusion` (`threat`, `no_objection` or null) and `concluded_at`. Only the submitting agency's officers can read it; to anyone else it does not exist (404).",
        tags: ['Assessments'],
        security: V1_SECURITY,
        params: UuidParams,
        response: { 200: AssessmentView, ...ERRORS },
      },
    },
    async (request) => {
      const view = await options.vetting.readAssessment(actorOf(request), request.params.id);
      return {
        id: view.id,
        external_id: view.external_id,
        status: view.status,
        conclusion: view.conclusion,
        concluded_at: view.concluded_at,
      };
    },
  );
};
