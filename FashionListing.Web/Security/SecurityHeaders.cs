namespace FashionListing.Web.Security;

/// <summary>
/// Response headers that tell browsers to run only the app's own code in its pages, never to guess a
/// response's type, and never to show the app inside another site's frame.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The content security policy of every response. Scripts come only from the app's own files (there is no
    /// inline script: the Blazor import map is left out for that reason, see App.razor). Inline styles are
    /// allowed because MudBlazor sets style attributes on its components. Photos and overlays are the app's
    /// own URLs or data URLs; the Blazor connection is a WebSocket to the same origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; "
        + "script-src 'self'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    /// <summary>Adds the headers to every response of the app, static files and errors included.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        return app.Use(async (context, next) =>
        {
            // Set before the response starts, so that a response written by a later middleware carries them too.
            context.Response.OnStarting(() =>
            {
                IHeaderDictionary headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
