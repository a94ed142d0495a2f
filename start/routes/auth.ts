/*
| Routes of the auth area. Signed-in areas run the session and Shield (CSRF)
| middleware on their own groups: reader pages set no cookies.
*/
export {}
