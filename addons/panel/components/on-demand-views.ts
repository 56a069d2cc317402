/** The panel's views that load on first use, in one chunk: the Share tab (booking, invite) and the referral checklist, which need the network anyway. */
export { ReferralDialog } from './referral-dialog';
export { ShareTab } from './share-tab';
