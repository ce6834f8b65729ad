// Change notifications for subscriptions. Mutations publish after their transaction commits,
// so a subscriber never sees a change that was rolled back.
import { createPubSub } from "graphql-yoga";

export interface ChangeTopics {
  /** A document was created, updated or deleted. */
  documentChanged: [change: { documentId: number; deleted: boolean }];
  /** The annotations (mentions, claims, events, actors) of one document changed. */
  annotationsChanged: [documentId: number, change: { documentId: number }];
}

export const pubsub = createPubSub<{
  documentChanged: ChangeTopics["documentChanged"];
  annotationsChanged: ChangeTopics["annotationsChanged"];
}>();

export function publishDocumentChanged(documentId: number, deleted = false): void {
  pubsub.publish("documentChanged", { documentId, deleted });
}

export function publishAnnotationsChanged(documentId: number): void {
  pubsub.publish("annotationsChanged", documentId, { documentId });
}
