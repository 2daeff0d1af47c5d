// Starts Swagger UI on /docs from the packaged files; a file rather than an inline script, so
// the page runs under the app's Content-Security-Policy.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    oauth2RedirectUrl: window.location.origin + "/docs/oauth2-redirect",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
