import type { Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Wraps a job run in its span. */
export interface JobTracing {
  around<T>(jobName: string, run: () => Promise<T>): Promise<T>;
}

/**
 * Optional OpenTelemetry traces beside the pino logs and /metrics. With OTEL_EXPORTER_OTLP_ENDPOINT
 * (or ..._TRACES_ENDPOINT) set, one span per request (method, route pattern, status, the signed-in
 * user's id) and one per job run, batched to the collector over OTLP/HTTP. Never the raw URL, the
 * query string, a form or an error message: any of them can carry a child's name. Unset, the
 * packages are not even loaded and no hook is added, so tracing off costs nothing.
 */
export async function setUpTracing(app: FastifyInstance): Promise<JobTracing | null> {
  const url = app.convene.settings.tracesUrl;
  if (!url) return null;
  const [{ SpanKind, SpanStatusCode }, { BasicTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'convene' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  const tracer = provider.getTracer('convene');
  const spans = new WeakMap<FastifyRequest, Span>();

  app.addHook('onRequest', async (request) => {
    // The pattern (/cases/:caseId), never the path: one name per page, and no ids or search words.
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    spans.set(request, tracer.startSpan(`${request.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'http.route': route, 'convene.request_id': request.id },
    }));
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (request.actor) span.setAttribute('enduser.id', request.actor.id);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  // Sends what is still batched before the process goes.
  app.addHook('onClose', async () => provider.shutdown());

  return {
    async around(jobName, run) {
      const span = tracer.startSpan(`job ${jobName}`, { kind: SpanKind.INTERNAL, attributes: { 'convene.job': jobName } });
      try {
        return await run();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  };
}
