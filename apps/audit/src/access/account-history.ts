/** Account steps that switch access on or off; updates and group changes do neither. */
export const ACTIVATING_ACTIONS = ['account.create', 'account.enable'] as const;
export const DEACTIVATING_ACTIONS = ['account.disable', 'account.delete'] as const;
export const ACCOUNT_STATE_ACTIONS: string[] = [...ACTIVATING_ACTIONS, ...DEACTIVATING_ACTIONS];

export const isActivating = (action: string): boolean => (ACTIVATING_ACTIONS as readonly string[]).includes(action);
export const isDeactivating = (action: string): boolean => (DEACTIVATING_ACTIONS as readonly string[]).includes(action);
