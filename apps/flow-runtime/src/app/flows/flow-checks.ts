import { CertgateError, ErrorCode, type FlowDefinition } from '@certgate/contracts';
import { isReservedResponseHeader } from '../steps/response-headers';
import { PLACEHOLDER_HELP, unknownPlaceholders } from '../steps/template';

/**
 * What the schema cannot see: header names a flow may not set, placeholders that
 * do not exist, a receiver URL that is not https. Refused at deployment, so a typo is a 400 now rather than a wrong
 * answer to every sender later.
 */
export function checkFlowSteps(definition: FlowDefinition): void {
  const problems: string[] = [];
  const checkHeader = (where: string, name: string) => {
    if (isReservedResponseHeader(name)) problems.push(`${where}: '${name}' is managed by the ingress (hop-by-hop or framing) and cannot be set by a flow`);
  };
  const checkTemplate = (where: string, text: string) => {
    const unknown = unknownPlaceholders(text);
    if (unknown.length) problems.push(`${where}: unknown placeholder ${unknown.map((p) => `'${p}'`).join(', ')}; use ${PLACEHOLDER_HELP}`);
  };
  definition.steps.forEach((step, i) => {
    const where = `steps[${i}]`;
    if (step.type === 'respond') {
      checkTemplate(`${where}.body`, step.body);
      for (const [name, value] of Object.entries(step.headers ?? {})) {
        checkHeader(`${where}.headers.${name}`, name);
        checkTemplate(`${where}.headers.${name}`, value);
      }
    } else if (step.type === 'set-header') {
      checkHeader(`${where}.name`, step.name);
      checkTemplate(`${where}.value`, step.value);
    }
  });
  const receiver = definition.receiver;
  if (receiver && new URL(receiver.url).protocol !== 'https:')
    problems.push(`receiver.url: receiver calls are made over TLS, so the URL must start with https:// (got '${receiver.url.slice(0, 200)}')`);
  if (problems.length) throw new CertgateError(ErrorCode.validationFailed, problems.join('; '), { problems });
}
