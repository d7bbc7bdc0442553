/**
 * "Fictieve voorbeelddata" while the sample is shown, null for the user's own data: given once at
 * the top of the app (App.tsx), read by everything that copies or downloads (src/export/provenance.ts).
 */
import { createContext, useContext } from 'react';

export const FictionalMark = createContext<string | null>(null);

export const useFictionalMark = () => useContext(FictionalMark);
