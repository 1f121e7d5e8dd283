// The typed steps of a hop (docs/trace.md, "Steps"), as batfish records them: what decided
// at the hop as data (the route matched, the filter rule with its direction and index, the
// target a load balancer chose), each with an action from one closed list. Tests and
// diagrams read these fields, never the hop's detail sentence.

/** Every step type. */
export const STEP_TYPES = ['route', 'securityGroup', 'networkAcl', 'targetChoice'] as const;

/** A step type. */
export type StepType = (typeof STEP_TYPES)[number];

/** Every step action. */
export const STEP_ACTIONS = ['matched', 'dropped', 'allowed', 'denied', 'chosen'] as const;

/** What a step did. */
export type StepAction = (typeof STEP_ACTIONS)[number];

/** A route table matched a route (or dropped the packet by it, or for want of one). */
export interface RouteStep {
  readonly type: 'route';
  readonly action: Extract<StepAction, 'matched' | 'dropped'>;
  readonly table: string;
  /** The route matched; undefined when none matched. */
  readonly route: {
    /** 1-based position among the table's routes. */
    readonly index: number;
    /** The CIDR or prefix list id written. */
    readonly destination: string;
    /** `local`, `blackhole`, or the target's id. */
    readonly target: string;
    readonly origin: 'written' | 'local' | 'gatewayEndpoint';
  } | undefined;
  /** The prefix that matched (a prefix list's entry), with its length. */
  readonly prefix: string | undefined;
  /** The prefix-list route this static route beats for the same prefix, by destination. */
  readonly over?: string;
}

/** Security groups judged the packet at an interface. */
export interface SecurityGroupStep {
  readonly type: 'securityGroup';
  readonly action: Extract<StepAction, 'allowed' | 'denied'>;
  readonly direction: 'ingress' | 'egress';
  /** The group that allowed it (the first group of the interface otherwise). */
  readonly group: string;
  /**
   * `rule`: a rule allowed it; `tracked`: the reply of a tracked connection; `noRule`: no
   * rule allows it; `notEvaluated`: the rules do not apply (PrivateLink traffic to an NLB).
   */
  readonly verdict: 'rule' | 'tracked' | 'noRule' | 'notEvaluated';
  readonly rule: {
    /** 1-based position in the group's rules of this direction. */
    readonly index: number;
    /** False for AWS's implicit rules (default egress). */
    readonly written: boolean;
    readonly direction: 'ingress' | 'egress';
    readonly ports: { readonly from: number; readonly to: number };
  } | undefined;
}

/** A network ACL judged the packet at a subnet boundary. */
export interface NetworkAclStep {
  readonly type: 'networkAcl';
  readonly action: Extract<StepAction, 'allowed' | 'denied'>;
  readonly direction: 'ingress' | 'egress';
  readonly acl: string;
  readonly subnet: string;
  /** The rule that decided; `*` is the implicit final deny. */
  readonly rule: { readonly rule: number | '*'; readonly action: 'allow' | 'deny' };
}

/** A load balancer node chose the target of a flow. */
export interface TargetChoiceStep {
  readonly type: 'targetChoice';
  readonly action: Extract<StepAction, 'chosen'>;
  readonly targetGroup: string;
  readonly chosen: { readonly name: string; readonly port: number; readonly az: string };
  /** Every target it could have chosen (each gets a trace of its own). */
  readonly candidates: readonly string[];
}

/** One typed step of a hop. */
export type HopStep = RouteStep | SecurityGroupStep | NetworkAclStep | TargetChoiceStep;
