using FashionListing.Inference.Pipeline;

namespace FashionListing.Web.InferenceStub;

/// <summary>
/// STAND-IN UNTIL FashionListing.Inference SHIPS ITS OWN <c>AddInference</c>: delete this file and the
/// <c>using FashionListing.Web.InferenceStub;</c> in Program.cs when it is merged. It suggests nothing: every
/// upload on /sell and /manual shows "photo analysis is not available" instead of inventing a result.
/// </summary>
public static class AddInferenceStub
{
    public static IServiceCollection AddInference(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton<IListingSuggester, UnavailableListingSuggester>();

        return services;
    }

    private sealed class UnavailableListingSuggester : IListingSuggester
    {
        public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(
                "No IListingSuggester is registered: FashionListing.Inference's AddInference is not merged yet.");
    }
}
