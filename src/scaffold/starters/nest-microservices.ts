// NestJS monorepo: one app per service, a shared library, messaging between services.
import { renderTemplateDir } from '../templates.js';
import type { PlannedFile, Starter, StarterOptions } from '../types.js';
import { singular, templateDir, variantFlags } from './shared.js';

const AUTH_NAMES = new Set(['auth', 'identity', 'iam', 'users', 'accounts']);
const FIRST_PORT = 3000;

export type Role = 'publisher' | 'consumer' | 'auth' | 'plain';

/** The roles whose service keeps data (and so reads the database connection string). */
export const DB_BACKED_ROLES: ReadonlySet<Role> = new Set(['publisher', 'consumer', 'auth']);
/** The roles whose service talks to the broker (the identity service does not). */
export const BROKER_ROLES: ReadonlySet<Role> = new Set(['publisher', 'consumer']);
/** The roles whose service issues or verifies JWTs (and so reads JWT_SECRET). */
export const TOKEN_ROLES: ReadonlySet<Role> = new Set(['publisher', 'auth']);

const ROLE_TEXT: Record<Role, string> = {
  publisher: 'HTTP API (JWT); publishes events',
  consumer: 'consumes events; HTTP queries',
  auth: 'registration, login, JWT',
  plain: 'HTTP API',
};

/**
 * What the consumer keeps for each event, by the consumer's name: billing issues invoices,
 * shipping creates shipments, and so on. Unknown names keep a `<consumer>-record`.
 */
const RECORDS: [RegExp, string][] = [
  [/^(billing|invoices?|invoicing|accounting)$/, 'invoice'],
  [/^(payments?)$/, 'payment'],
  [/^(shipping|shipments?|deliver(y|ies)|fulfil?ment)$/, 'shipment'],
  [/^(stock|inventory|warehouses?)$/, 'reservation'],
  [/^(notifications?|mail(er|ing)?|emails?)$/, 'notification'],
];

/** The verb of the event the publisher emits: an order is placed, anything else is created. */
function eventVerb(publisherSingular: string): string {
  return publisherSingular === 'order' ? 'placed' : 'created';
}

function recordName(consumer: string): string {
  return RECORDS.find(([pattern]) => pattern.test(consumer))?.[1] ?? `${singular(consumer)}-record`;
}

/**
 * Gives each service its part in the demo flow: the first service named like an identity service
 * issues JWTs; of the others, the first publishes an event and the second consumes it.
 */
export function assignRoles(services: string[]): { name: string; role: Role }[] {
  const auth = services.find((s) => AUTH_NAMES.has(s));
  const others = services.filter((s) => s !== auth);
  return services.map((name) => {
    if (name === auth) return { name, role: 'auth' as const };
    if (others.length >= 2 && name === others[0]) return { name, role: 'publisher' as const };
    if (others.length >= 2 && name === others[1]) return { name, role: 'consumer' as const };
    return { name, role: 'plain' as const };
  });
}

function nestContext(options: StarterOptions) {
  const roles = assignRoles(options.services);
  const services = roles.map((s, i) => ({
    name: s.name,
    role: s.role,
    roleText: ROLE_TEXT[s.role],
    port: FIRST_PORT + i,
    singular: singular(s.name),
    dbBacked: DB_BACKED_ROLES.has(s.role),
    usesBroker: BROKER_ROLES.has(s.role),
    verifiesTokens: TOKEN_ROLES.has(s.role),
  }));
  const publisher = services.find((s) => s.role === 'publisher');
  const consumer = services.find((s) => s.role === 'consumer');
  const verb = publisher ? eventVerb(publisher.singular) : false;
  return {
    name: options.name,
    services,
    serviceNames: options.services,
    defaultService: publisher?.name ?? services[0]?.name ?? 'app',
    publisher: publisher?.name ?? false,
    consumer: consumer?.name ?? false,
    singularPublisher: publisher?.singular ?? false,
    eventVerb: verb,
    commandVerb: verb === 'placed' ? 'place' : verb === 'created' ? 'create' : false,
    eventName: publisher ? `${publisher.singular}.${verb}` : false,
    record: consumer ? recordName(consumer.name) : false,
    publisherPort: publisher?.port ?? false,
    consumerPort: consumer?.port ?? false,
    authPort: services.find((s) => s.role === 'auth')?.port ?? false,
    hasAuth: services.some((s) => s.role === 'auth'),
    needsJwt: services.some((s) => s.verifiesTokens),
    ...variantFlags(options),
  };
}

export const starter: Starter = {
  async plan(options: StarterOptions): Promise<PlannedFile[]> {
    const context = nestContext(options);
    return renderTemplateDir(templateDir('nest-microservices'), context, {
      services: context.services.map(({ name, ...rest }) => ({ name, context: rest })),
    });
  },
};
