/*
| Bouncer abilities that do not belong to one model. Most rules live in
| policies (app/policies), one per model.
*/
export {}
