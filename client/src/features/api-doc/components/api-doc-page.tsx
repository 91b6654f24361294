import Badge from "@codegouvfr/react-dsfr/Badge";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n, usePageMessages } from "../../../i18n/use-i18n";
import { apiDoc } from "../../../i18n/messages/api-doc";
import { apiGet } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { DsfrTable } from "../../../components/dsfr-table";

interface OpenApiOperation {
  summary: string;
  description: string;
  "x-access": string;
  requestBody?: { content: Record<string, { schema: unknown }> };
}
interface OpenApiDocument {
  info: { title: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const METHOD_SEVERITY: Record<string, "info" | "success" | "warning" | "error" | "new"> = {
  get: "info",
  post: "success",
  put: "warning",
  patch: "new",
  delete: "error",
};

/** The API's documentation, read from /api/openapi.json (generated from the route table). */
export default function ApiDocPage() {
  const t = usePageMessages(apiDoc);
  const { lang } = useI18n();
  useDocumentTitle(t.title);
  const doc = useQuery({ queryKey: queryKeys.apiDocument, queryFn: () => apiGet<OpenApiDocument>("/openapi.json"), staleTime: Infinity });

  return (
    <>
      <h1>{t.title}</h1>
      {doc.isPending && <Loading />}
      {doc.isError && <ErrorAlert error={doc.error} />}
      {doc.data && (
        <>
          {t.sourceLanguage && <p className="fr-text--sm">{t.sourceLanguage}</p>}
          <p lang="fr">{doc.data.info.description}</p>
          <p>
            <a href="/api/openapi.json" download="openapi.json">
              {t.download}
            </a>
          </p>
          <DsfrTable caption={t.caption}>
            <thead>
              <tr>
                <th scope="col">{t.route}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.access}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(doc.data.paths).flatMap(([path, operations]) =>
                Object.entries(operations).map(([method, operation]) => (
                  <tr key={`${method} ${path}`}>
                    <th scope="row">
                      <Badge small noIcon severity={METHOD_SEVERITY[method]} className="fr-mr-1w">
                        {method.toUpperCase()}
                      </Badge>
                      <code>{path}</code>
                    </th>
                    <td lang="fr" className="fr-cell--multiline">
                      {operation.summary}
                      {operation.requestBody && (
                        <details className="fr-mt-1w">
                          <summary lang={lang}>{t.body}</summary>
                          <pre className="api-schema">
                            {JSON.stringify(operation.requestBody.content["application/json"]?.schema, null, 2)}
                          </pre>
                        </details>
                      )}
                    </td>
                    <td lang="fr" className="fr-cell--multiline">{operation.description.replace(/^Accès : /, "").replace(/\.$/, "")}</td>
                  </tr>
                )),
              )}
            </tbody>
          </DsfrTable>
        </>
      )}
    </>
  );
}
