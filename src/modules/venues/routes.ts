import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const venuesRoutes: FastifyPluginAsyncZod = async () => {};
