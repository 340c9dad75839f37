/**
 * The document model drawn as HTML, block for block as the Word and PDF writers draw it: the
 * letterhead, the memorandum's header fields, headings, paragraphs, bullets, the tables with their
 * numbers right-aligned and footnote marks raised, and the notes. A page break is not shown.
 */
import type { Block, DocTable, FisDocument, Inline } from "../../model/report/document";

function Runs({ runs }: { runs: readonly Inline[] }) {
  return (
    <>
      {runs.map((r, k) =>
        typeof r === "string" ? (
          <span key={k}>{r}</span>
        ) : r.mark ? (
          <sup key={k}>{r.text}</sup>
        ) : (
          <span key={k} className={[r.bold ? "b" : "", r.italic ? "i" : ""].join(" ").trim() || undefined}>
            {r.text}
          </span>
        ),
      )}
    </>
  );
}

const Marks = ({ marks }: { marks?: readonly string[] }) => (marks?.length ? <sup> {marks.join(" ")}</sup> : null);

function Table({ table }: { table: DocTable }) {
  return (
    <figure className={`fis-doc-table fis-doc-table-${table.layout}`} data-testid={`document-table-${table.id}`}>
      {table.title.length > 0 && (
        <figcaption>
          {table.title.map((t, k) => (
            <div key={k} className="fis-doc-table-title">
              {t}
            </div>
          ))}
          {table.unit && <div className="fis-doc-table-unit">{table.unit}</div>}
        </figcaption>
      )}
      <table>
        <thead>
          <tr>
            {table.columns.map((c, k) => (
              <th key={k} scope="col" className={c.align === "right" ? "num" : undefined}>
                {c.label}
                <Marks marks={c.marks} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, k) => (
            <tr key={k} className={r.style}>
              {r.cells.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                    <Marks marks={r.marks} />
                  </th>
                ) : (
                  <td key={j} className={table.columns[j]?.align === "right" ? "num" : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case "heading":
      return <h2>{block.text}</h2>;
    case "subheading":
      return <h3>{block.text}</h3>;
    case "paragraph":
      return (
        <p>
          <Runs runs={block.runs} />
        </p>
      );
    case "bullets":
      return (
        <ul>
          {block.items.map((item, k) => (
            <li key={k}>
              <Runs runs={item} />
            </li>
          ))}
        </ul>
      );
    case "notes":
      return (
        <section className="fis-doc-notes" aria-label={block.title}>
          <h4>{block.title}</h4>
          <dl>
            {block.notes.map((n, k) => (
              <div key={k}>
                <dt>{n.mark}</dt>
                <dd>{n.text}</dd>
              </div>
            ))}
          </dl>
        </section>
      );
    case "table":
      return <Table table={block.table} />;
  }
}

export function DocumentPreview({ doc }: { doc: FisDocument }) {
  return (
    <article className="fis-doc" data-testid="document-preview" aria-label={`Preview: ${doc.meta.title}`}>
      {doc.letterhead.length > 0 && (
        <header className="fis-doc-letterhead">
          {doc.letterhead.map((l, k) => (
            <div key={k} className={k === 0 ? "first" : undefined}>
              {l}
            </div>
          ))}
        </header>
      )}
      <h1>{doc.title}</h1>
      <table className="fis-doc-fields">
        <tbody>
          {doc.header.map((h) => (
            <tr key={h.label}>
              <th scope="row">{h.label}:</th>
              <td>
                {h.lines.map((l, k) => (
                  <div key={k}>{l}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <hr />
      {doc.blocks.map((b, k) => (
        <BlockView key={k} block={b} />
      ))}
    </article>
  );
}
