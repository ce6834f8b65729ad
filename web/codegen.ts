// Typed operations from the committed schema: every graphql(`…`) call in web/src gets its
// result and variable types, and each operation a sha256 id (persisted-documents.json) so the
// page can run on a server with PERSISTED_ONLY=1. The output folder is git-ignored.
import type { CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["web/src/**/*.{ts,tsx}", "!web/src/generated/**"],
  ignoreNoDocuments: false,
  generates: {
    "web/src/generated/": {
      preset: "client",
      // The cache (graphcache) needs __typename everywhere; urql adds it to a query it sends as
      // text, but an operation sent by id runs as listed, so the listed documents carry it.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: "string", DateTime: "string", JSON: "unknown" },
      },
    },
    // graphcache needs the members of unions and interfaces, and which types have no id.
    "web/src/generated/cache-schema.json": {
      plugins: ["./web/codegen-introspection.cjs"],
    },
  },
};

export default config;
