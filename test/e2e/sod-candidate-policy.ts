/**
 * The shipped birthright rules, except that IT also gets Salesforce reports:
 * with the IT admins' Salesforce admin group, that breaks the shipped
 * `salesforce-admin-reports` rule of config/sod.yaml for every IT person.
 */
export const POLICY_GIVING_IT_SALESFORCE_REPORTS = `
rules:
  - name: everyone
    grant:
      - app: slack
        groups: [all-staff]
      - app: zoom
  - name: it-operations
    when: { department: [IT] }
    grant:
      - app: github
        groups: [it-admins]
      - app: salesforce
        groups: [admins, reports]
      - app: pagerduty
        groups: [it-oncall]
`;
