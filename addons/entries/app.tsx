/** Bundle `app`: the coach's web home at `/app`. */
import { mountHome } from '../home/mount-home';

const root = document.getElementById('app');
if (root) void mountHome(root);
