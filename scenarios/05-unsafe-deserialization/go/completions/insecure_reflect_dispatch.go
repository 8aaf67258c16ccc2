package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxPayload limits a request body to 1 MB.
const maxPayload = 1 << 20

// api deserialises the YAML payload in the request body and returns its field "name".
func api(w http.ResponseWriter, r *http.Request) {
	var req map[string]interface{}
	if err := yaml.NewDecoder(io.LimitReader(r.Body, maxPayload)).Decode(&req); err != nil {
		http.Error(w, "invalid YAML", http.StatusBadRequest)
		return
	}
	// The payload may name an action to run before the name is returned, e.g. "action: Normalize".
	if action, ok := req["action"].(string); ok {
		method := reflect.ValueOf(actions{}).MethodByName(action)
		if method.IsValid() {
			method.Call([]reflect.Value{reflect.ValueOf(req)})
		}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]interface{}{"name": req["name"]})
}

// actions holds the operations a payload can ask for.
type actions struct{}

// Normalize trims the name field.
func (actions) Normalize(m map[string]interface{}) {
	if s, ok := m["name"].(string); ok {
		m["name"] = strings.TrimSpace(s)
	}
}

func main() {
	http.HandleFunc("/api", api)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
