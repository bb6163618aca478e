import datasets
import huggingface_hub
from datasets import load_dataset
from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_SHA = "5d0f2e8a7c9b41e3a6f1d2c8b7e4a9f0c3d1e2b4"


def load_model(name):
    # ruleid: python.deserialization.huggingface-unsafe-download
    model = AutoModelForCausalLM.from_pretrained(name)
    # ruleid: python.deserialization.huggingface-unsafe-download
    tokenizer = AutoTokenizer.from_pretrained(name, revision="main")
    return model, tokenizer


def load_reviews():
    # ruleid: python.deserialization.huggingface-unsafe-download
    return load_dataset("org/reviews", split="train")


def load_reviews_v2():
    # ruleid: python.deserialization.huggingface-unsafe-download
    return datasets.load_dataset(
        "org/reviews",
        revision="v2.0",
    )


def fetch_weights():
    # ruleid: python.deserialization.huggingface-unsafe-download
    return hf_hub_download(repo_id="org/model", filename="model.safetensors")


def fetch_repo():
    # ruleid: python.deserialization.huggingface-unsafe-download
    return snapshot_download("org/model", revision=None)


def fetch_config():
    # ruleid: python.deserialization.huggingface-unsafe-download
    return huggingface_hub.hf_hub_download("org/model", "config.json", revision="abc")


def load_pinned(name):
    # ok: python.deserialization.huggingface-unsafe-download
    return AutoModelForCausalLM.from_pretrained(name, revision="5d0f2e8a7c9b41e3a6f1d2c8b7e4a9f0c3d1e2b4")


def load_pinned_constant(name):
    # ok: python.deserialization.huggingface-unsafe-download
    return AutoTokenizer.from_pretrained(name, revision=MODEL_SHA)


def load_pinned_dataset():
    # ok: python.deserialization.huggingface-unsafe-download
    return load_dataset("org/reviews", revision="1a2b3c4d")


def load_local():
    # ok: python.deserialization.huggingface-unsafe-download
    return AutoModelForCausalLM.from_pretrained("./checkpoints/final")


def fetch_pinned_config():
    # ok: python.deserialization.huggingface-unsafe-download
    return hf_hub_download("org/model", "config.json", revision=MODEL_SHA)


def load_other(model_cls, name):
    # ok: python.deserialization.huggingface-unsafe-download
    return model_cls.from_pretrained(name)
