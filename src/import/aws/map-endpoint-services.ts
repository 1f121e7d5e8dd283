// PrivateLink endpoint services of the estate (describe-vpc-endpoint-service-configurations),
// their allowed principals (describe-vpc-endpoint-service-permissions) and the connections
// to them (describe-vpc-endpoint-connections). A service is written in the VPC of its load
// balancer. describe-vpc-endpoint-services (ServiceDetails) lists what a region offers, not
// the estate: it is recognised and not imported.
import { serviceStateOf } from './aws-values.js';
import { claimId, missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { emitted } from './output-model.js';
import { capturedAnywhere, markCaptured, type Snapshot } from './snapshot.js';

/** ServiceConfigurations: describe-vpc-endpoint-service-configurations. */
export function parseServiceConfigurations(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'serviceConfigs');
  r.objects(o, 'ServiceConfigurations', '$', (c, path) => {
    const id = r.str(c, 'ServiceId', path);
    if (id === undefined) return undefined;
    const dns = r.optObj(c, 'PrivateDnsNameConfiguration', path);
    s.serviceConfigs.push({
      id,
      name: r.optStr(c, 'ServiceName', path),
      types: r.objects(c, 'ServiceType', path, (t, p) => r.optStr(t, 'ServiceType', p)),
      acceptanceRequired: r.optBool(c, 'AcceptanceRequired', path),
      nlbArns: r.strings(c, 'NetworkLoadBalancerArns', path),
      gwlbArns: r.strings(c, 'GatewayLoadBalancerArns', path),
      privateDnsName: r.optStr(c, 'PrivateDnsName', path),
      privateDnsState: dns ? r.optStr(dns, 'State', `${path}.PrivateDnsNameConfiguration`)?.toLowerCase() : undefined,
      state: r.optStr(c, 'ServiceState', path),
      src: r.src(path, c),
    });
    return undefined;
  });
}

/** AllowedPrincipals of one service (each item names its ServiceId, or `serviceId` does). */
export function parsePermissions(r: JsonReader, o: Obj, path: string, serviceId: string | undefined, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'servicePermissions');
  r.objects(o, 'AllowedPrincipals', path, (a, p) => {
    const principal = r.str(a, 'Principal', p);
    const service = r.optStr(a, 'ServiceId', p) ?? serviceId;
    if (principal === undefined) return undefined;
    if (service === undefined) return r.wrong(`${p}.ServiceId`, 'an allowed principal must name its endpoint service (ServiceId), or sit in a VpcEndpointServicePermissions entry that does');
    s.permissions.push({ serviceId: service, principal, src: r.src(p) });
    return undefined;
  });
}

/** VpcEndpointConnections: describe-vpc-endpoint-connections. */
export function parseConnections(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'VpcEndpointConnections', '$', (c, path) => {
    const serviceId = r.str(c, 'ServiceId', path);
    const endpointId = r.str(c, 'VpcEndpointId', path);
    if (serviceId === undefined || endpointId === undefined) return undefined;
    s.connections.push({
      serviceId, endpointId,
      owner: r.optStr(c, 'VpcEndpointOwner', path),
      state: r.optStr(c, 'VpcEndpointState', path),
      src: r.src(path, c),
    });
    return undefined;
  });
}

/** Emit every endpoint service whose load balancer is in the output. */
export function mapEndpointServices(ctx: ImportContext): void {
  const s = ctx.snapshot;
  for (const c of s.serviceConfigs) {
    const arns = [...c.nlbArns, ...c.gwlbArns];
    const arn = arns[0];
    const lbId = arn !== undefined ? ctx.lbIds.get(arn) : undefined;
    const vpc = lbId !== undefined ? [...ctx.out.vpcs.values()].find((v) => v.loadBalancers.has(lbId)) : undefined;
    if (lbId === undefined || !vpc) {
      if (arn !== undefined && !s.loadBalancers.some((lb) => lb.arn === arn)) {
        missingReference(ctx, 'loadBalancers', c.src, `${c.src.path}.NetworkLoadBalancerArns`, {
          resource: c.id, from: `endpoint service ${c.id}`, what: `load balancer ${arn}`, consequence: 'the service is left out',
        });
      } else {
        ctx.problems.warn('OUTSIDE_SNAPSHOT', c.id, c.src.file, c.src.path,
          `endpoint service ${c.id} is fronted by ${arn ?? 'no load balancer'}, which is not imported; the service is left out`);
      }
      continue;
    }
    if (!claimId(ctx, c.id, 'endpoint service', c.src)) continue;
    if (arns.length > 1) {
      ctx.problems.warn('FIELD_DROPPED', c.id, c.src.file, c.src.path,
        `endpoint service ${c.id} is fronted by ${arns.length} load balancers; format v1 holds one, so only ${lbId} is imported`);
    }
    const principals = s.permissions.filter((p) => p.serviceId === c.id).map((p) => p.principal);
    const state = c.state !== undefined ? serviceStateOf(c.state) : undefined;
    const value = {
      loadBalancer: lbId,
      ...(c.name !== undefined ? { serviceName: c.name } : {}),
      ...(c.acceptanceRequired !== undefined ? { acceptanceRequired: c.acceptanceRequired } : {}),
      allowedPrincipals: [...new Set(principals)].sort(),
      ...(c.privateDnsName !== undefined ? { privateDnsName: c.privateDnsName, privateDnsVerified: c.privateDnsState === 'verified' } : {}),
      ...(state !== undefined ? { state } : {}),
    };
    const sources = [c.src.file, ...s.permissions.filter((p) => p.serviceId === c.id).map((p) => p.src.file)];
    vpc.endpointServices.set(c.id, { ...emitted(value, c.src.file, [], c.src.name), sources: [...new Set(sources)] });
    if (!capturedAnywhere(s, 'servicePermissions')) {
      ctx.problems.warn('MISSING_DESCRIBE_CALL', c.id, c.src.file, c.src.path,
        `the allowed principals of endpoint service ${c.id} are not in the snapshot (describe-vpc-endpoint-service-permissions); none are written, so endpoints whose state the snapshot does not give are derived as rejected`);
    }
  }
  for (const conn of s.connections) {
    if (s.endpoints.some((e) => e.id === conn.endpointId)) continue;
    ctx.problems.warn('OUTSIDE_SNAPSHOT', conn.endpointId, conn.src.file, conn.src.path,
      `endpoint ${conn.endpointId}${conn.owner ? ` of account ${conn.owner}` : ''} (${conn.state ?? 'state unknown'}) connects to endpoint service ${conn.serviceId}, but its VPC is not in the snapshot; verdicts do not account for it`);
  }
}
