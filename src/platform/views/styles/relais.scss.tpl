// Generated per département by scripts/build-assets.ts: $brand is replaced by the theme's colour.
// MOJ Frontend is configured first and forwards the settings to GOV.UK Frontend (configuring GOV.UK first fails).
@use "node_modules/@ministryofjustice/frontend/moj/all" with (
  $moj-font-family: (system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif),
  $govuk-functional-colours: (
    brand: __BRAND__,
    template-background: #f4f8fb,
  ),
);
@use "node_modules/govuk-frontend/dist/govuk/index";
@use "relais";
