/** Bundle entry for the coachee page (`/c/:token`). */
import { mountCoachee } from '../coachee/mount-coachee';

const root = document.getElementById('app');
if (root) mountCoachee(root);
