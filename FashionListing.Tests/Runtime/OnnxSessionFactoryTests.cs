using FashionListing.Inference.Runtime;
using FashionListing.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace FashionListing.Tests.Runtime;

public sealed class OnnxSessionFactoryTests
{
    // What the runtime says on a machine without the CUDA libraries.
    private const string MissingCuda = "libcublasLt.so.12: cannot open shared object file: No such file or directory";

    private static byte[] CategoryHead() =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "models", "starter", "category-head.onnx"));

    [Fact]
    public void Create_AutoAndCudaFailsToLoad_RunsOnCpuAndLogsWhy()
    {
        CapturingLogger<OnnxSessionFactory> logger = new();
        int cudaAttempts = 0;
        OnnxSessionFactory factory = new(
            Options.Create(new InferenceOptions { ExecutionProvider = ExecutionProviderChoice.Auto }),
            logger,
            _ =>
            {
                cudaAttempts++;
                throw new DllNotFoundException(MissingCuda);
            });

        using InferenceSession first = factory.Create("first model", CategoryHead());
        using InferenceSession second = factory.Create("second model", CategoryHead());

        Assert.NotEmpty(first.InputMetadata);
        Assert.Equal(1, cudaAttempts);
        Assert.Collection(
            logger.Entries,
            entry =>
            {
                Assert.Equal(LogLevel.Warning, entry.Level);
                Assert.Contains("Model first model runs on CPU because CUDA could not be loaded", entry.Message,
                    StringComparison.Ordinal);
                Assert.Contains(MissingCuda, entry.Message, StringComparison.Ordinal);
            },
            entry => Assert.Contains("Model second model runs on CPU because CUDA could not be loaded", entry.Message,
                StringComparison.Ordinal));
    }

    [Fact]
    public void Create_CudaForcedAndCudaFailsToLoad_ThrowsNamingTheSettingAndTheProblem()
    {
        OnnxSessionFactory factory = new(
            Options.Create(new InferenceOptions { ExecutionProvider = ExecutionProviderChoice.Cuda }),
            new CapturingLogger<OnnxSessionFactory>(),
            _ => throw new DllNotFoundException(MissingCuda));

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(
            () => factory.Create("head", CategoryHead()));

        Assert.Contains("Inference:ExecutionProvider is Cuda", error.Message, StringComparison.Ordinal);
        Assert.Contains(MissingCuda, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CpuForced_NeverTriesCudaAndSaysTheSettingChoseCpu()
    {
        CapturingLogger<OnnxSessionFactory> logger = new();
        bool cudaTried = false;
        OnnxSessionFactory factory = new(
            Options.Create(new InferenceOptions { ExecutionProvider = ExecutionProviderChoice.Cpu }),
            logger,
            _ => cudaTried = true);

        using InferenceSession session = factory.Create("head", CategoryHead());

        Assert.False(cudaTried);
        (LogLevel level, string message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, level);
        Assert.Contains("runs on CPU because the setting Inference:ExecutionProvider is Cpu", message,
            StringComparison.Ordinal);
    }
}
