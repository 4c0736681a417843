import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const gamesRoutes: FastifyPluginAsyncZod = async () => {};
