/**
 * Which files a figure comes from: the bundled fictional sample, the bundled real public figures
 * ("Openbare cijfers", monthly/quarterly/yearly statistics with their sources), or the user's own.
 * Never mixed.
 */
export type Dataset = 'sample' | 'public' | 'user';
