// Moved to the app's one data loader; kept here so the mirror pages' imports keep working.
export { dataOf, useRemote, type Remote } from '../../components/useApi.js';
