import { villagesDataset, type Village } from './villages.ts';
import { householdsDataset, type Household } from './households.ts';
import { householdChangesDataset, type HouseholdChange } from './householdChanges.ts';
import { shortcomingsDataset, type Shortcoming } from './shortcomings.ts';
import { rectificationsDataset, type Rectification } from './rectifications.ts';
import { projectsDataset, type Project } from './projects.ts';
import type { Campaign } from './campaign.ts';

/** The six datasets of the contract, in dependency order; projects.csv is optional. */
export const DATASETS = [
  villagesDataset,
  householdsDataset,
  householdChangesDataset,
  shortcomingsDataset,
  rectificationsDataset,
  projectsDataset,
] as const;

export type DatasetName = (typeof DATASETS)[number]['name'];

/** The validated, typed input: what the pipeline hands on after validation passes. */
export interface Dataset {
  campaign: Campaign;
  villages: Village[];
  households: Household[];
  household_changes: HouseholdChange[];
  shortcomings: Shortcoming[];
  rectifications: Rectification[];
  /** Null when projects.csv was not provided (an empty file gives `[]`). */
  projects: Project[] | null;
}
