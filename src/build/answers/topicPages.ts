/**
 * The topic pages whose single-filter answers are pre-built: each page's
 * folder (its spec's path, /exit/ → exit, as TopicFilters names it) and its
 * spec. A topic page with a filter form is listed here (tests/unit/answers
 * checks every page's form has answers).
 */
import { exitTopic } from '../../views/exit/exitView.ts';
import { projectsTopic } from '../../views/projects/projectsView.ts';
import { rectificationTopic } from '../../views/rectification/rectificationView.ts';
import { registrationTopic } from '../../views/registration/registrationView.ts';
import type { TopicSpec } from '../../views/shared/topicSpec.ts';
import type { AnyTopicView } from '../../views/shared/topicView.ts';
import { shuangdaoTopic } from '../../views/shuangdao/shuangdaoView.ts';

export interface TopicPageEntry {
  page: string;
  // Each page has its own context type; the answers only pass it from setting to spec.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: TopicSpec<any, AnyTopicView>;
}

export const TOPIC_PAGES: readonly TopicPageEntry[] = [
  registrationTopic,
  exitTopic,
  shuangdaoTopic,
  rectificationTopic,
  projectsTopic,
].map((spec) => ({ page: spec.page.path.replace(/^\/|\/$/g, ''), spec }));
