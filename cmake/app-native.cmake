# native app targets (lead adds)
