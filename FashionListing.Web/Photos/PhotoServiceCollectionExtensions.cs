using FashionListing.Web.Accounts;
using FashionListing.Web.Listings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FashionListing.Web.Photos;

public static class PhotoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the photo store, the embedding index and the embedding backfill at start, and the intake of
    /// uploads with its queue and limits; the upload limit is the inference library's <c>PhotoLimits</c>, the
    /// embedder its <c>IPhotoEmbedder</c> (from <c>AddInference</c>).
    /// </summary>
    public static IServiceCollection AddPhotoStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton<PhotoStore>();
        services.TryAddSingleton<PhotoEmbeddingIndex>();
        services.TryAddSingleton<PhotoEmbeddingBackfill>();
        services.AddHostedService(provider => provider.GetRequiredService<PhotoEmbeddingBackfill>());
        services.TryAddSingleton<PhotoIntake>();
        services.AddUploadLimits(configuration);

        return services;
    }

    /// <summary>
    /// Maps <c>GET /photos/{id}</c>, which serves a stored photo as JPEG to its uploader and to moderators, and
    /// <c>GET /photos/{id}/overlays/{index}</c>, which serves its garments' overlay PNGs to the same people. Anyone
    /// else signed in gets 404, as for a photo that does not exist, so that the answer does not reveal it; an
    /// anonymous request gets 401.
    /// </summary>
    public static IEndpointRouteBuilder MapPhotoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/photos/{id}", GetPhotoAsync).WithName("GetPhoto");
        endpoints.MapGet("/photos/{id}/overlays/{index}", GetOverlayAsync).WithName("GetPhotoOverlay");

        return endpoints;
    }

    public static string PhotoUrl(Guid id) => "/photos/" + id.ToString("D");

    /// <summary>The address of the overlay PNG of the photo's garment <paramref name="index"/> (from 0).</summary>
    public static string OverlayUrl(Guid id, int index) =>
        PhotoUrl(id) + "/overlays/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IResult> GetPhotoAsync(string id, PhotoStore store, HttpContext context)
    {
        // Answered here rather than by RequireAuthorization, whose cookie challenge would redirect an <img>
        // request to the sign-in page.
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Unauthorized();
        }

        if (!PhotoStore.TryParseId(id, out Guid photoId)
            || !await store.MaySeeAsync(photoId, ListingViewer.From(context.User), context.RequestAborted))
        {
            return Results.NotFound();
        }

        Stream? photo = store.OpenRead(photoId);
        if (photo is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";

        // Each photo is for its owner and the moderators only: no shared cache may keep it.
        context.Response.Headers.CacheControl = "private";
        return Results.Stream(photo, "image/jpeg");
    }

    // Answers exactly as the photo does: 401 anonymous, 404 to anyone who may not see the photo, whether or not
    // the overlay exists, so that probing indexes reveals nothing either.
    private static async Task<IResult> GetOverlayAsync(string id, string index, PhotoStore store, HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Unauthorized();
        }

        if (!PhotoStore.TryParseId(id, out Guid photoId)
            || !TryParseIndex(index, out int garment)
            || !await store.MaySeeAsync(photoId, ListingViewer.From(context.User), context.RequestAborted))
        {
            return Results.NotFound();
        }

        Stream? overlay = store.OpenOverlay(photoId, garment);
        if (overlay is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private";
        return Results.Stream(overlay, "image/png");
    }

    // Only plain decimal digits, at most two (a model offers at most 15 garments): no sign, no spaces, no "01".
    private static bool TryParseIndex(string text, out int index)
    {
        index = -1;
        bool plain = text.Length is 1 or 2 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0');

        return plain && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out index);
    }
}
