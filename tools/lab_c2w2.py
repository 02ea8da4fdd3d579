#!/usr/bin/python3
"""The Ng C2W2 "Optimization methods" lab, in numpy as the lab writes it (opt_utils_v1a.py and the
notebook's model()), for Sim's networks tests and README.

    /usr/bin/python3 tools/lab_c2w2.py data      # the lab's data and initial weights -> tests/.../data/networks/
    /usr/bin/python3 tools/lab_c2w2.py table     # the lab's table (6 runs of 5000 epochs) -> lab_table.csv
    /usr/bin/python3 tools/lab_c2w2.py time      # microseconds per epoch of the lab's Adam run (numpy loop), wall and CPU

Needs Debian's python3-numpy and python3-sklearn (apt-get install python3-numpy python3-sklearn).
"""

import json
import math
import os
import sys
import time

import numpy as np
import sklearn.datasets

OUT_DIR = os.path.join("tests", "Sim.Core.Tests", "data", "networks")
LAYERS = [2, 5, 2, 1]


# ------------------------------------------------------------- the lab's code (opt_utils_v1a.py)

def load_dataset():
    np.random.seed(3)
    train_X, train_Y = sklearn.datasets.make_moons(n_samples=300, noise=.2)
    return train_X.T, train_Y.reshape((1, train_Y.shape[0]))


def initialize_parameters(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def forward_propagation(X, parameters):
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    return a3, (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)


def backward_propagation(X, Y, cache):
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1. / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dz3": dz3, "dW3": dW3, "db3": db3, "da2": da2, "dz2": dz2, "dW2": dW2, "db2": db2,
            "da1": da1, "dz1": dz1, "dW1": dW1, "db1": db1}


def compute_cost(a3, Y):
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return np.sum(logprobs)


def predict_accuracy(X, y, parameters):
    a3, _ = forward_propagation(X, parameters)
    p = (a3 > 0.5).astype(int)
    return float(np.mean(p[0, :] == y[0, :]))


# ------------------------------------------------------------- the lab's code (the notebook)

def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batches.append((shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete_minibatches * mini_batch_size:],
                             shuffled_Y[:, num_complete_minibatches * mini_batch_size:]))
    return mini_batches


def update_parameters_with_gd(parameters, grads, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def initialize_velocity(parameters):
    return {d + str(l): np.zeros(parameters[k + str(l)].shape)
            for l in range(1, len(parameters) // 2 + 1) for d, k in (("dW", "W"), ("db", "b"))}


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        for d, k in (("dW", "W"), ("db", "b")):
            v[d + str(l)] = beta * v[d + str(l)] + (1 - beta) * grads[d + str(l)]
            parameters[k + str(l)] = parameters[k + str(l)] - learning_rate * v[d + str(l)]
    return parameters, v


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon):
    for l in range(1, len(parameters) // 2 + 1):
        for d, k in (("dW", "W"), ("db", "b")):
            v[d + str(l)] = beta1 * v[d + str(l)] + (1 - beta1) * grads[d + str(l)]
            v_corrected = v[d + str(l)] / (1 - beta1 ** t)
            s[d + str(l)] = beta2 * s[d + str(l)] + (1 - beta2) * (grads[d + str(l)] ** 2)
            s_corrected = s[d + str(l)] / (1 - beta2 ** t)
            parameters[k + str(l)] = parameters[k + str(l)] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))


def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1):
    t = 0
    seed = 10
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_velocity(parameters), initialize_velocity(parameters)
    for i in range(num_epochs):
        seed = seed + 1
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch_X, minibatch_Y in minibatches:
            a3, caches = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, caches)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
            elif optimizer == "adam":
                t = t + 1
                parameters, v, s = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        if decay:
            learning_rate = decay(learning_rate0, i, decay_rate)
    return parameters


# ------------------------------------------------------------- what Sim's tests and README read

TABLE = [  # optimizer, learning rate, decay: the lab's sections 6 and 7.3
    ("gd", 0.0007, False), ("momentum", 0.0007, False), ("adam", 0.0007, False),
    ("gd", 0.1, True), ("momentum", 0.1, True), ("adam", 0.01, True),
]


def write_data():
    os.makedirs(OUT_DIR, exist_ok=True)
    X, Y = load_dataset()
    with open(os.path.join(OUT_DIR, "lab_moons.csv"), "w") as f:
        f.write("x1,x2,label\n")
        for i in range(X.shape[1]):
            f.write("%r,%r,%d\n" % (float(X[0, i]), float(X[1, i]), int(Y[0, i])))
    p = initialize_parameters(LAYERS)
    layers = [{"weights": p["W%d" % l].tolist(), "biases": p["b%d" % l][:, 0].tolist()} for l in range(1, len(LAYERS))]
    with open(os.path.join(OUT_DIR, "lab_init.json"), "w") as f:
        json.dump({"layers": layers}, f)
        f.write("\n")


def write_table():
    X, Y = load_dataset()
    with open(os.path.join(OUT_DIR, "lab_table.csv"), "w") as f:
        f.write("optimizer,lr,decay,accuracy\n")
        for optimizer, lr, decay in TABLE:
            parameters = model(X, Y, LAYERS, optimizer, learning_rate=lr, decay=schedule_lr_decay if decay else None)
            accuracy = predict_accuracy(X, Y, parameters)
            f.write("%s,%r,%s,%r\n" % (optimizer, lr, "fixed_interval" if decay else "none", accuracy))
            print(optimizer, lr, decay, accuracy, flush=True)


def time_adam(epochs=1000):
    X, Y = load_dataset()
    start, cpu = time.perf_counter(), time.process_time()
    model(X, Y, LAYERS, "adam", num_epochs=epochs)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print("numpy_lab_adam_us_per_epoch: %.1f" % (1e6 * seconds / epochs))
    print("numpy_lab_adam_cpu_us_per_epoch: %.1f" % (1e6 * cpu_seconds / epochs))


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "data"
    {"data": write_data, "table": write_table, "time": lambda: time_adam(int(sys.argv[2]) if len(sys.argv) > 2 else 1000)}[what]()
