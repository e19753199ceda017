export { describeFaultPlan, FaultPlanError, faultPlanSchema, parseFaultPlanJson, resolveFaultPlan, type FaultPlan, type ResolvedFaultPlan } from './faultPlan';
export { FaultController, type FaultControl, type FaultCounts } from './faultController';
export { installFaultInjection, FAULT_PROBLEM_CODES } from './faultInjection';
export { decideFault, type FaultAction, type FaultDecision, type FaultKind, type FaultTarget } from './decideFault';
