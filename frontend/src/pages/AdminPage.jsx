/** Operator dashboard: volume, latency, feedback and triage charts; service health, shards and users. */
import { useState } from "react";
import { admin } from "../api/endpoints.js";
import { BarChart } from "../components/charts/BarChart.jsx";
import { StackedBarChart } from "../components/charts/StackedBarChart.jsx";
import { DataTable } from "../components/DataTable.jsx";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "../lib/format.js";
import { useApi } from "../lib/useApi.js";
import { usePageTitle } from "../lib/usePageTitle.js";

const PERIODS = [1, 7, 30];
const LEVELS = ["1", "2", "3", "4", "5"];

function Stat({ label, value, detail }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {detail && <span className="stat-detail">{detail}</span>}
      </dd>
    </div>
  );
}

function Overview({ stats }) {
  const { t, lang } = useI18n();
  const n = (v, digits) => formatNumber(v, lang, digits);
  const messages = stats.chat_volume.reduce((sum, row) => sum + row.count, 0);
  return (
    <dl className="stats">
      <Stat label={t("admin.messages")} value={n(messages)} />
      <Stat
        label={t("admin.feedback")}
        value={n(stats.feedback.count)}
        detail={t("admin.feedbackAverage", { value: n(stats.feedback.average, 2) })}
      />
      <Stat
        label={t("admin.cache")}
        value={formatPercent(stats.cache.hit_rate, lang)}
        detail={t("admin.cacheDetail", { hits: n(stats.cache.hits), misses: n(stats.cache.misses) })}
      />
      <Stat
        label={t("admin.llm", { provider: stats.llm.provider })}
        value={n(stats.llm.requests)}
        detail={t("admin.llmDetail", {
          errors: n(stats.llm.errors),
          ms: n(stats.llm.avg_latency_ms),
          tokens: n(stats.llm.tokens),
        })}
      />
    </dl>
  );
}

function Charts({ stats }) {
  const { t, lang, has } = useI18n();
  const ms = (v) => formatNumber(v, lang);
  const domainLabel = (name) => (has(`domain.${name}`) ? t(`domain.${name}`) : name);
  return (
    <div className="chart-grid">
      <StackedBarChart
        title={t("admin.volumeChart")}
        rows={stats.chat_volume.map((r) => ({ category: r.date, series: r.domain, value: r.count }))}
        seriesLabel={domainLabel}
        categoryLabel={(date) => date.slice(5)}
      />
      <BarChart
        title={t("admin.latencyChart")}
        className="latency"
        format={ms}
        data={["p50", "p95", "p99"].map((p) => ({ label: p, value: stats.latency_ms[p] ?? 0 }))}
      />
      <BarChart
        title={t("admin.feedbackChart")}
        className="feedback"
        data={LEVELS.map((score) => ({ label: `${score}★`, value: stats.feedback.distribution[score] ?? 0 }))}
      />
      <BarChart
        title={t("admin.triageChart")}
        className="triage"
        data={LEVELS.map((level) => ({ label: `KTAS ${level}`, value: stats.triage_levels[level] ?? 0 }))}
      />
    </div>
  );
}

function HealthTables({ stats }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-grid">
      <DataTable
        caption={t("admin.health")}
        rowKey={(r) => r.service_name}
        empty={t("admin.none")}
        rows={stats.service_health}
        columns={[
          { key: "service_name", label: t("admin.service") },
          {
            key: "status",
            label: t("admin.status"),
            render: (r) => <span className={`badge status-${r.status}`}>{r.status}</span>,
          },
          { key: "response_time_ms", label: t("admin.responseMs"), render: (r) => formatNumber(r.response_time_ms, lang) },
          { key: "error_count", label: t("admin.errors") },
          { key: "last_check", label: t("admin.lastCheck"), render: (r) => formatDateTime(r.last_check, lang) },
        ]}
      />
      <DataTable
        caption={t("admin.safety")}
        rowKey={(r) => r.kind}
        empty={t("admin.none")}
        rows={stats.safety_events}
        columns={[
          { key: "kind", label: t("admin.kind") },
          { key: "count", label: t("admin.count") },
        ]}
      />
    </div>
  );
}

function Shards({ shards, selected, onSelect }) {
  const { t } = useI18n();
  return (
    <DataTable
      caption={t("admin.shards")}
      rowKey={(r) => r.shard_id}
      empty={t("admin.none")}
      rows={shards}
      columns={[
        {
          key: "shard_id",
          label: t("admin.shard"),
          render: (r) => (
            <button
              type="button"
              className="link-button"
              aria-pressed={r.shard_id === selected}
              onClick={() => onSelect(r.shard_id)}
            >
              #{r.shard_id}
            </button>
          ),
        },
        { key: "host", label: t("admin.host"), render: (r) => (r.host ? `${r.host}:${r.port ?? ""}` : "—") },
        { key: "database_name", label: t("admin.database") },
        { key: "is_active", label: t("admin.active"), render: (r) => (r.is_active ? t("common.yes") : t("common.no")) },
        { key: "current_users", label: t("admin.users"), render: (r) => `${r.current_users} / ${r.max_users}` },
      ]}
    />
  );
}

function Users({ shardId }) {
  const { t, lang } = useI18n();
  const users = useApi(() => admin.users(shardId), [shardId]);
  return (
    <>
      <ErrorAlert error={users.error} />
      <DataTable
        caption={t("admin.usersOfShard", { shard: shardId })}
        rowKey={(r) => r.user_id}
        empty={users.loading ? t("common.loading") : t("admin.none")}
        rows={users.data ?? []}
        columns={[
          { key: "user_id", label: t("admin.userId") },
          { key: "role", label: t("admin.role") },
          { key: "is_active", label: t("admin.active"), render: (r) => (r.is_active ? t("common.yes") : t("common.no")) },
          { key: "created_at", label: t("admin.created"), render: (r) => formatDate(r.created_at, lang) },
          { key: "last_login", label: t("admin.lastLogin"), render: (r) => formatDateTime(r.last_login, lang) },
        ]}
      />
    </>
  );
}

export function AdminPage() {
  const { t } = useI18n();
  usePageTitle(t("admin.title"));
  const [days, setDays] = useState(7);
  const [shardId, setShardId] = useState(1);
  const stats = useApi(() => admin.stats(days), [days]);
  const shards = useApi(() => admin.shards(), []);

  return (
    <div className="page wide">
      <div className="page-head">
        <h1>{t("admin.title")}</h1>
        <div className="field inline">
          <label htmlFor="admin-days">{t("admin.period")}</label>
          <select id="admin-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t("admin.days", { days: d })}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={stats.reload} disabled={stats.loading}>
            {t("admin.refresh")}
          </button>
        </div>
      </div>
      <ErrorAlert error={stats.error} />
      {stats.data && (
        <>
          <Overview stats={stats.data} />
          <Charts stats={stats.data} />
          <HealthTables stats={stats.data} />
        </>
      )}
      <ErrorAlert error={shards.error} />
      {shards.data && <Shards shards={shards.data} selected={shardId} onSelect={setShardId} />}
      <Users shardId={shardId} />
    </div>
  );
}
