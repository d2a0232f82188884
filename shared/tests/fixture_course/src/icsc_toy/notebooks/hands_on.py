# %% [markdown]
# # Toy notebook

# %%
print(1 + 1)
