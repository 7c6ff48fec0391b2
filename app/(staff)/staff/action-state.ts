// The staff forms' server-action state and wrapper, shared with the requester's pages.
export { type ActionState, type ActionSuccess, formValues, initialActionState, runAction } from '@/lib/http/run-action';
