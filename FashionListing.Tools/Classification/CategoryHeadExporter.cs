using System.Text.Json;
using FashionListing.Inference.Classification;
using Google.Protobuf;
using Onnx;

namespace FashionListing.Tools.Classification;

/// <summary>
/// Writes a trained head as a small ONNX model: the standardisation folded into the first layer,
/// then MatMul and Add per layer with Relu between, and Softmax. Input "embedding" [1, D], output
/// "probabilities" [1, labels]; the preprocessing recipe goes into the model's metadata.
/// </summary>
public static class CategoryHeadExporter
{
    private const int Opset = 13;

    /// <summary>
    /// The first layer with the standardisation folded in: <c>W'[o, i] = W[o, i] / s[i]</c> and
    /// <c>b'[o] = b[o] - sum_i W[o, i] * m[i] / s[i]</c>, so that <c>W' x + b' = W z + b</c>.
    /// </summary>
    public static DenseLayer FoldStandardisation(Standardiser standardiser, DenseLayer first)
    {
        ArgumentNullException.ThrowIfNull(standardiser);
        ArgumentNullException.ThrowIfNull(first);
        float[] weights = new float[first.Weights.Length];
        float[] biases = new float[first.Outputs];
        for (int o = 0; o < first.Outputs; o++)
        {
            double shift = 0;
            for (int i = 0; i < first.Inputs; i++)
            {
                double w = first.Weights[(o * first.Inputs) + i] / (double)standardiser.Scale[i];
                weights[(o * first.Inputs) + i] = (float)w;
                shift += w * standardiser.Mean[i];
            }

            biases[o] = (float)(first.Biases[o] - shift);
        }

        return first with { Weights = weights, Biases = biases };
    }

    /// <summary>The serialised ONNX model of a trained head.</summary>
    public static byte[] ToOnnx(TrainedHead head, CategoryHeadRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(head);

        return ToOnnx(head.Standardiser, head.Layers, recipe, head.SquareRoot);
    }

    /// <summary>
    /// The serialised ONNX model of a head; with <paramref name="squareRoot"/> the graph starts
    /// with Sqrt of the input (the features are pooled ReLU outputs, never negative).
    /// </summary>
    public static byte[] ToOnnx(
        Standardiser standardiser,
        IReadOnlyList<DenseLayer> layers,
        CategoryHeadRecipe recipe,
        bool squareRoot = false)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(recipe);
        if (layers[0].Inputs != recipe.FeatureLength)
        {
            throw new ArgumentException(
                $"The head reads {layers[0].Inputs} features; the recipe gives {recipe.FeatureLength}.",
                nameof(layers));
        }

        List<DenseLayer> folded = [FoldStandardisation(standardiser, layers[0]), .. layers.Skip(1)];
        GraphProto graph = new() { Name = "category_head" };
        graph.Input.Add(Value(CategoryHead.InputName, folded[0].Inputs));
        graph.Output.Add(Value(CategoryHead.OutputName, folded[^1].Outputs));

        string current = CategoryHead.InputName;
        if (squareRoot)
        {
            graph.Node.Add(Node("Sqrt", [current], "rooted"));
            current = "rooted";
        }

        for (int l = 0; l < folded.Count; l++)
        {
            string weights = $"layer{l}_weights";
            string biases = $"layer{l}_biases";
            graph.Initializer.Add(Transposed(weights, folded[l]));
            graph.Initializer.Add(Tensor(biases, [folded[l].Outputs], folded[l].Biases));
            graph.Node.Add(Node("MatMul", [current, weights], $"layer{l}_product"));
            graph.Node.Add(Node("Add", [$"layer{l}_product", biases], $"layer{l}_output"));
            current = $"layer{l}_output";
            if (l < folded.Count - 1)
            {
                graph.Node.Add(Node("Relu", [current], $"layer{l}_relu"));
                current = $"layer{l}_relu";
            }
        }

        NodeProto softmax = Node("Softmax", [current], CategoryHead.OutputName);
        softmax.Attribute.Add(
            new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = -1 });
        graph.Node.Add(softmax);

        ModelProto model = new()
        {
            IrVersion = 7,
            ProducerName = "FashionListing.Tools category-train",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        foreach ((string key, string value) in recipe.ToMetadata())
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model.ToByteArray();
    }

    /// <summary>Writes the head and its labels file into a folder.</summary>
    public static void Write(string folder, byte[] model, IReadOnlyList<string> labels)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, CategoryHead.ModelFile), model);
        File.WriteAllText(
            Path.Combine(folder, CategoryHead.LabelsFile),
            JsonSerializer.Serialize(new { labels }, s_json) + "\n");
    }

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private static ValueInfoProto Value(string name, int length)
    {
        TensorShapeProto shape = new();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = length });

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor
                {
                    ElemType = (int)TensorProto.Types.DataType.Float,
                    Shape = shape,
                },
            },
        };
    }

    // MatMul multiplies the [1, inputs] row by an [inputs, outputs] matrix, so the layer's
    // [outputs, inputs] weights are stored transposed.
    private static TensorProto Transposed(string name, DenseLayer layer)
    {
        float[] transposed = new float[layer.Weights.Length];
        for (int o = 0; o < layer.Outputs; o++)
        {
            for (int i = 0; i < layer.Inputs; i++)
            {
                transposed[(i * layer.Outputs) + o] = layer.Weights[(o * layer.Inputs) + i];
            }
        }

        return Tensor(name, [layer.Inputs, layer.Outputs], transposed);
    }

    private static TensorProto Tensor(string name, long[] dims, float[] values)
    {
        TensorProto tensor = new() { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);
        tensor.FloatData.Add(values);

        return tensor;
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        NodeProto node = new() { OpType = op, Name = output + "_node" };
        node.Input.Add(inputs);
        node.Output.Add(output);

        return node;
    }
}
