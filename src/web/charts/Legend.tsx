import './charts.css';

export interface LegendItem {
  swatch: 'bar' | 'clear' | 'b' | 'neg' | 'crude' | 'adjusted';
  label: string;
}

/** The key to a chart's colours, as text next to it (the colours are never the only carrier). */
export function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="ks-chart-legend">
      {items.map((i) => (
        <li key={i.label}>
          <span aria-hidden="true" className={`ks-chart-legend__swatch ks-chart-legend__swatch--${i.swatch}`} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
