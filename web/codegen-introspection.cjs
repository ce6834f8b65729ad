// A GraphQL Codegen plugin writing what urql's graphcache needs to know about the schema,
// and no more (the full introspection would triple the page's script):
// - possibleTypes: the members of each union and interface, so fragments on them match exactly;
// - embeddedTypes: the object types without an `id` (connections, edges, spans, fuzzy dates …),
//   which the cache keeps inside their parent instead of normalizing.
const { isInterfaceType, isObjectType, isUnionType } = require("graphql");

module.exports = {
  plugin(schema) {
    const roots = new Set(
      [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
        .filter(Boolean)
        .map((type) => type.name),
    );
    const possibleTypes = {};
    const embeddedTypes = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (isUnionType(type) || isInterfaceType(type)) {
        possibleTypes[type.name] = schema.getPossibleTypes(type).map((member) => member.name);
      } else if (isObjectType(type) && !roots.has(type.name) && !("id" in type.getFields())) {
        embeddedTypes.push(type.name);
      }
    }
    return `${JSON.stringify({ possibleTypes, embeddedTypes }, null, 2)}\n`;
  },
};
