// Validates every object of a rendered overlay (multi-document YAML) against a schema for its
// apiVersion/kind, strictly: an unknown field is an error, as with `kubectl apply --validate=strict`.
//
//  - Kubernetes built-in kinds: the validators of npm `kubernetes-models` (compiled from the Kubernetes
//    OpenAPI spec). Those schemas allow unknown fields, so every object is validated through a Proxy
//    that records which fields the validator looked at; a field it never looked at is not in the
//    schema and is reported. Maps (labels, data, ...) are enumerated by the validator and so pass.
//  - CloudNativePG kinds: the validators of npm `@kubernetes-models/cloudnative-pg` (generated from
//    the operator's Go API types), with the same Proxy check.
//  - prometheus-operator kinds (PrometheusRule, PodMonitor): the validators of npm `@kubernetes-models/prometheus-operator`,
//    with the same Proxy check.
//  - Any kind with a CustomResourceDefinition given on the command line (Strimzi, Keycloak): its
//    openAPIV3Schema compiled with Ajv after making it strict the way the API server prunes:
//    additionalProperties=false wherever x-kubernetes-preserve-unknown-fields is not set.
//
// Usage: node validate.mjs --crd crd.yaml [--crd ...] rendered.yaml [...]
//        -> JSON on stdout: { "<rendered file>": [ {apiVersion, kind, name, schema, errors[]} ] }
import fs from "node:fs";
import YAML from "yaml";
import Ajv from "ajv";
import { validate as validateObjectMeta } from "@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta";

const BUILTIN = {
  "v1/Namespace": "IoK8sApiCoreV1Namespace",
  "v1/ConfigMap": "IoK8sApiCoreV1ConfigMap",
  "v1/Secret": "IoK8sApiCoreV1Secret",
  "v1/Service": "IoK8sApiCoreV1Service",
  "v1/ServiceAccount": "IoK8sApiCoreV1ServiceAccount",
  "v1/PersistentVolumeClaim": "IoK8sApiCoreV1PersistentVolumeClaim",
  "apps/v1/Deployment": "IoK8sApiAppsV1Deployment",
  "apps/v1/StatefulSet": "IoK8sApiAppsV1StatefulSet",
  "batch/v1/Job": "IoK8sApiBatchV1Job",
  "batch/v1/CronJob": "IoK8sApiBatchV1CronJob",
  "autoscaling/v2/HorizontalPodAutoscaler": "IoK8sApiAutoscalingV2HorizontalPodAutoscaler",
  "policy/v1/PodDisruptionBudget": "IoK8sApiPolicyV1PodDisruptionBudget",
  "networking.k8s.io/v1/NetworkPolicy": "IoK8sApiNetworkingV1NetworkPolicy",
  "networking.k8s.io/v1/Ingress": "IoK8sApiNetworkingV1Ingress",
  "rbac.authorization.k8s.io/v1/Role": "IoK8sApiRbacV1Role",
  "rbac.authorization.k8s.io/v1/RoleBinding": "IoK8sApiRbacV1RoleBinding",
};
const CNPG = {
  "postgresql.cnpg.io/v1/Cluster": "ComGithubCloudnativePgCloudnativePgApiV1Cluster",
  "postgresql.cnpg.io/v1/Database": "ComGithubCloudnativePgCloudnativePgApiV1Database",
  "postgresql.cnpg.io/v1/Pooler": "ComGithubCloudnativePgCloudnativePgApiV1Pooler",
  "postgresql.cnpg.io/v1/ScheduledBackup": "ComGithubCloudnativePgCloudnativePgApiV1ScheduledBackup",
  "postgresql.cnpg.io/v1/Backup": "ComGithubCloudnativePgCloudnativePgApiV1Backup",
};

const PROMETHEUS = {
  "monitoring.coreos.com/v1/PrometheusRule": "ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1PrometheusRule",
  "monitoring.coreos.com/v1/PodMonitor": "ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1PodMonitor",
};

// The packages export their models, not their schema modules: load those by file.
const schemaModule = (pkg, name) => new URL(`./node_modules/${pkg}/_schemas/${name}.js`, import.meta.url).href;

// ---------------------------------------------------------------- strictness for compiled validators
function trackedValidate(validate, obj) {
  const info = new Map();
  const wrap = (o) => {
    if (o === null || typeof o !== "object") return o;
    if (!info.has(o)) {
      const rec = { seen: new Set(), enumerated: false };
      const mark = (k) => { if (typeof k === "string") rec.seen.add(k); };
      rec.proxy = new Proxy(o, {
        get(t, k, r) { mark(k); return wrap(Reflect.get(t, k, r)); },
        has(t, k) { mark(k); return Reflect.has(t, k); },
        getOwnPropertyDescriptor(t, k) { mark(k); return Reflect.getOwnPropertyDescriptor(t, k); },
        ownKeys(t) { rec.enumerated = true; return Reflect.ownKeys(t); },
      });
      info.set(o, rec);
    }
    return info.get(o).proxy;
  };
  const ok = validate(wrap(obj));
  const errors = ok ? [] : (validate.errors || []).map((e) => `${e.instancePath || "/"} ${e.message || e.keyword} ${JSON.stringify(e.params)}`);
  if (ok) {
    const unknown = [];
    const walk = (o, p) => {
      if (o === null || typeof o !== "object") return;
      if (Array.isArray(o)) { o.forEach((v, i) => walk(v, `${p}/${i}`)); return; }
      const rec = info.get(o);
      for (const k of Object.keys(o)) {
        if (!rec || (!rec.enumerated && !rec.seen.has(k))) unknown.push(`${p}/${k}`);
        else walk(o[k], `${p}/${k}`);
      }
    };
    walk(obj, "");
    unknown.forEach((u) => errors.push(`${u} is not a field of the schema`));
  }
  return errors;
}

// ---------------------------------------------------------------- CRDs
function strictify(s) {
  if (s === null || typeof s !== "object") return s;
  if (Array.isArray(s)) return s.map(strictify);
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "properties" || k === "patternProperties") {
      out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, strictify(pv)]));
    } else if (["items", "additionalProperties", "not"].includes(k) && typeof v === "object") {
      out[k] = strictify(v);
    } else if (["anyOf", "oneOf", "allOf"].includes(k)) {
      out[k] = v.map(strictify);
    } else if (k === "description" || k.startsWith("x-kubernetes-")) {
      // documentation and API-server hints: not validation keywords
    } else {
      out[k] = v;
    }
  }
  if (s["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  const preserve = s["x-kubernetes-preserve-unknown-fields"] === true;
  if ((s.type === "object" || s.properties) && !preserve && s.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: false,
  formats: Object.fromEntries(["int32", "int64", "float", "double", "byte", "binary", "date", "date-time", "password", "uri", "hostname", "email"].map((f) => [f, true])) });
const args = process.argv.slice(2);
const crdFiles = args.filter((a, i) => args[i - 1] === "--crd");
const renderedFiles = args.filter((a, i) => a !== "--crd" && args[i - 1] !== "--crd");
const crdValidators = new Map();
for (const file of crdFiles) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    const crd = doc.toJS();
    if (!crd || crd.kind !== "CustomResourceDefinition") continue;
    for (const v of crd.spec.versions) {
      if (!v.served) continue;
      const openApi = v.schema.openAPIV3Schema;
      let compiled = null; // compiled on first use: most of Strimzi's CRDs are not used here
      const validate = (obj) => {
        if (!compiled) {
          const schema = strictify(openApi);
          schema.properties = { ...schema.properties, metadata: { type: "object" } };
          compiled = ajv.compile(schema);
        }
        const ok = compiled(obj);
        validate.errors = compiled.errors;
        return ok;
      };
      crdValidators.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, { file, validate });
    }
  }
}

// ---------------------------------------------------------------- objects
const reports = {};
for (const rendered of renderedFiles) {
const report = (reports[rendered] = []);
for (const doc of YAML.parseAllDocuments(fs.readFileSync(rendered, "utf8"))) {
  const obj = doc.toJS();
  if (!obj) continue;
  const key = `${obj.apiVersion}/${obj.kind}`;
  const entry = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata?.name, schema: null, errors: [] };
  if (doc.errors.length) entry.errors.push(...doc.errors.map(String));
  if (BUILTIN[key]) {
    entry.schema = `kubernetes-models/${BUILTIN[key]}`;
    const { validate } = await import(schemaModule("kubernetes-models", BUILTIN[key]));
    entry.errors.push(...trackedValidate(validate, obj));
  } else if (CNPG[key]) {
    entry.schema = `@kubernetes-models/cloudnative-pg/${CNPG[key]}`;
    const { validate } = await import(schemaModule("@kubernetes-models/cloudnative-pg", CNPG[key]));
    entry.errors.push(...trackedValidate(validate, obj));
  } else if (PROMETHEUS[key]) {
    entry.schema = `@kubernetes-models/prometheus-operator/${PROMETHEUS[key]}`;
    const { validate } = await import(schemaModule("@kubernetes-models/prometheus-operator", PROMETHEUS[key]));
    entry.errors.push(...trackedValidate(validate, obj));
  } else if (crdValidators.has(key)) {
    const { file, validate } = crdValidators.get(key);
    entry.schema = `crd:${file.split("/").pop()}`;
    if (!validate(obj)) {
      entry.errors.push(...validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`));
    }
    entry.errors.push(...trackedValidate(validateObjectMeta, obj.metadata ?? {}).map((e) => `/metadata${e}`));
  } else {
    entry.errors.push(`no schema known for ${key}`);
  }
  report.push(entry);
}
}
process.stdout.write(JSON.stringify(reports, null, 1));
