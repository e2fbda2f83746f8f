/** Account steps that switch access on or off; updates and group changes do neither. */
export const ACTIVATING_ACTIONS = ['account.create', 'account.enable'] as const;
export const DEACTIVATING_ACTIONS = ['account.disable', 'account.suspend', 'account.delete'] as const;
/** A prepared account exists but gives no access until its start enables it. */
export const INACTIVE_CREATING_ACTIONS = ['account.prepare'] as const;
export const ACCOUNT_STATE_ACTIONS: string[] = [
  ...ACTIVATING_ACTIONS,
  ...DEACTIVATING_ACTIONS,
  ...INACTIVE_CREATING_ACTIONS,
];

export const isActivating = (action: string): boolean => (ACTIVATING_ACTIONS as readonly string[]).includes(action);
export const isDeactivating = (action: string): boolean => (DEACTIVATING_ACTIONS as readonly string[]).includes(action);
