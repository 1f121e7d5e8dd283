// A packet leaving an interface: the interface's security groups judge it on the way out
// ("Security group rules", Amazon VPC guide), then its subnet's route table takes it.
import { eniComponent } from './components.js';
import { passSecurityGroups } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

/** Security groups (egress), then the route table of the interface's subnet. */
export const leaveEni: Handler<'leaveEni'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { eni, packet } = at;
  if (at.announce) log.hop(eniComponent(eni), 'forwarded', { type: 'send', action: 'forwarded', sender: eni.id }, eni.span, packet);
  const denied = passSecurityGroups(log, eni, 'egress', packet);
  if (denied) return log.end(denied);
  return log.go({ kind: 'routeFromSubnet', subnet: eni.subnet, origin: eni, packet, carry: at.carry });
};
