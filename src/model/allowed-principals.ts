// Who may connect to an endpoint service: its allowed principals, read by the model (to
// derive an endpoint's state) and by the engine (to explain a rejected connection).

/**
 * Whether a service's allowed principals let an account connect ("Manage permissions",
 * AWS PrivateLink guide): "*" allows everyone; otherwise an ARN of the consumer's account.
 * A VPC with no account can only match "*" (the stricter reading).
 */
export function principalAllowed(allowed: readonly string[], accountId: string | undefined): boolean {
  if (allowed.includes('*')) return true;
  if (accountId === undefined) return false;
  return allowed.some((arn) => arn === accountId || arn.startsWith(`arn:aws:iam::${accountId}:`));
}
