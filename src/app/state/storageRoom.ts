/** How much of the browser's storage the kept files use, and whether the browser keeps them under pressure. */
import { useQuery } from '@tanstack/react-query';
import { storageRoom } from '../../db/fileStore';

/** Refetched with everything else after a file is stored or removed (the app invalidates all queries then). */
export function useStorageRoom() {
  return useQuery({ queryKey: ['storageRoom'], queryFn: () => storageRoom().catch(() => null) }).data ?? null;
}
