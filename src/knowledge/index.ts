/** Knowledge tables, each loaded on first use and kept for the life of the process. */
export { countries, type Countries, type Country, type Capital, type Group } from './countries.js';
export { places, type Places, type PlaceCandidate, type PlaceKind, type GeoPrecision } from './places.js';
export { organisations, TRANSNATIONAL_ROOTS, type Organisations, type Organisation, type OrgMatch } from './organisations.js';
export { roles, type Roles, type Role } from './roles.js';
export { readActor, mayHaveRole, type ActorReading } from './actor.js';
export { fold } from './normalize.js';
export { holdersOn, findPerson, officesOf, gapsOn, loadOffices, type Holder, type Office } from './offices.js';
export { governingParty, leaderParty, partyLedOn, partySector, partySectorOn } from './parties.js';
export { givenNameGender } from './given-names.js';
export { bodyName, bodyNoun, PUBLIC_BODY_SECTORS, type BodyName } from './body-names.js';
