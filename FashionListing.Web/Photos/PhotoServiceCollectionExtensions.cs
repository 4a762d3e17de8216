using FashionListing.Web.Accounts;
using FashionListing.Web.Listings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FashionListing.Web.Photos;

public static class PhotoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the photo store and the intake of uploads with its queue and limits; the upload's size limit is the
    /// inference library's <c>PhotoLimits</c>.
    /// </summary>
    public static IServiceCollection AddPhotoStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton<PhotoStore>();
        services.TryAddSingleton<PhotoIntake>();
        services.AddUploadLimits(configuration);

        return services;
    }

    /// <summary>
    /// Maps <c>GET /photos/{id}</c>, which serves a stored photo as JPEG to its uploader and to moderators. Anyone
    /// else signed in gets 404, as for a photo that does not exist, so that the answer does not reveal it; an
    /// anonymous request gets 401.
    /// </summary>
    public static IEndpointRouteBuilder MapPhotoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/photos/{id}", GetPhotoAsync).WithName("GetPhoto");

        return endpoints;
    }

    public static string PhotoUrl(Guid id) => "/photos/" + id.ToString("D");

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
}
