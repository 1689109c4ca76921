import { handle } from '@/lib/api/http';
import { login, logout } from '@/lib/api/login';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Browser login: `{"password": "…"}` → 204 with an HttpOnly session cookie; wrong password → 401; too many → 429. */
export const POST = handle(login);

/** Logout: the session stops working on the server too, not only in this browser. */
export const DELETE = handle(logout);
