'use client';

import dynamic from 'next/dynamic';

// A cloud-native cluster's set cells and node rows load only on such an instance's page (first-load budget);
// the server renders them there, so its HTML holds the rows as before.
const setCells = () => import('./set-cells');
export const SetActions = dynamic(() => setCells().then((m) => m.SetActions));
export const SetNodesToggle = dynamic(() => setCells().then((m) => m.SetNodesToggle));
export const SetStatusCell = dynamic(() => setCells().then((m) => m.SetStatusCell));
export const SetNodeRows = dynamic(() => setCells().then((m) => m.SetNodeRows));
