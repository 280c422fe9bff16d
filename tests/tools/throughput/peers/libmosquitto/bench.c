/* Benchmark peer: libmosquitto publisher following the tests/tools/throughput contract.
 * One thread drives the network with mosquitto_loop(), so the client never
 * competes with a second thread of its own for the machine's two cores. */
#include <mosquitto.h>
#include <unistd.h>

#include "../common/bench_common.h"

#define CLIENT_NAME "libmosquitto"
#define DEADLINE_SECONDS 300.0

struct publisher {
    int connected;
    int connack_rc;
    int lost;
    long completed;
};

static void on_connect(struct mosquitto *mosq, void *obj, int rc)
{
    struct publisher *p = obj;
    (void)mosq;
    p->connack_rc = rc;
    p->connected = 1;
}

/* QoS 0: called once the PUBLISH is fully written to the socket.
 * QoS 1: called when its PUBACK arrives. Exactly the contract's "complete". */
static void on_publish(struct mosquitto *mosq, void *obj, int mid)
{
    struct publisher *p = obj;
    (void)mosq;
    (void)mid;
    p->completed++;
}

static void on_disconnect(struct mosquitto *mosq, void *obj, int rc)
{
    struct publisher *p = obj;
    (void)mosq;
    if (rc != 0)
        p->lost = 1;
}

static int loop_once(struct mosquitto *mosq, struct publisher *p)
{
    int rc = mosquitto_loop(mosq, 100, 1);
    if (rc != MOSQ_ERR_SUCCESS || p->lost) {
        fprintf(stderr, CLIENT_NAME ": network loop failed: %s\n", mosquitto_strerror(rc));
        return -1;
    }
    return 0;
}

static int run(struct mosquitto *mosq, struct publisher *p, const struct bench_args *a)
{
    char *payload = bench_payload(a->size);
    long window = bench_window(a->qos);
    long sent = 0;
    double deadline = bench_monotonic_seconds() + DEADLINE_SECONDS;

    if (payload == NULL)
        return -1;
    if (mosquitto_connect(mosq, a->host, a->port, 60) != MOSQ_ERR_SUCCESS) {
        fprintf(stderr, CLIENT_NAME ": cannot connect to %s:%d\n", a->host, a->port);
        free(payload);
        return -1;
    }
    while (!p->connected) {
        if (loop_once(mosq, p) != 0 || bench_monotonic_seconds() > deadline) {
            free(payload);
            return -1;
        }
    }
    if (p->connack_rc != 0) {
        fprintf(stderr, CLIENT_NAME ": connection refused: %s\n", mosquitto_connack_string(p->connack_rc));
        free(payload);
        return -1;
    }

    double start_epoch = bench_epoch_seconds();
    double start = bench_monotonic_seconds();
    while (p->completed < a->n) {
        while (sent < a->n && sent - p->completed < window) {
            int rc = mosquitto_publish(mosq, NULL, a->topic, a->size, payload, a->qos, false);
            if (rc != MOSQ_ERR_SUCCESS) {
                fprintf(stderr, CLIENT_NAME ": publish failed: %s\n", mosquitto_strerror(rc));
                free(payload);
                return -1;
            }
            sent++;
        }
        if (p->completed < a->n && (loop_once(mosq, p) != 0 || bench_monotonic_seconds() > deadline)) {
            fprintf(stderr, CLIENT_NAME ": %ld of %ld complete\n", p->completed, a->n);
            free(payload);
            return -1;
        }
    }
    double seconds = bench_monotonic_seconds() - start;
    bench_print_result(CLIENT_NAME, a, seconds, start_epoch);

    mosquitto_disconnect(mosq);
    free(payload);
    return 0;
}

int main(int argc, char **argv)
{
    struct bench_args args;
    struct publisher p = {0};
    char client_id[64];

    if (bench_parse_args(argc, argv, &args) != 0)
        return 2;
    mosquitto_lib_init();
    snprintf(client_id, sizeof client_id, "bench-" CLIENT_NAME "-%d", (int)getpid());
    struct mosquitto *mosq = mosquitto_new(client_id, true, &p);
    if (mosq == NULL) {
        fprintf(stderr, CLIENT_NAME ": mosquitto_new failed\n");
        return 1;
    }
    mosquitto_int_option(mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    /* For MQTT 3.1.1 this is the only way to cap in-flight QoS 1 messages. */
    mosquitto_max_inflight_messages_set(mosq, BENCH_QOS1_WINDOW);
    mosquitto_connect_callback_set(mosq, on_connect);
    mosquitto_publish_callback_set(mosq, on_publish);
    mosquitto_disconnect_callback_set(mosq, on_disconnect);

    int rc = run(mosq, &p, &args);

    mosquitto_destroy(mosq);
    mosquitto_lib_cleanup();
    return rc == 0 ? 0 : 1;
}
